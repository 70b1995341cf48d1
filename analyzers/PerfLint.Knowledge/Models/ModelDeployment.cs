using System;
using System.Collections.Generic;
using System.Globalization;

namespace PerfLint.Knowledge.Models
{
    /// <summary>
    /// What PL1004 needs to know about a model server: the model id, the instance type and the container environment
    /// (quantization, dtype, GPUs used). Reads the settings of Hugging Face TGI (<c>HF_MODEL_QUANTIZE</c>,
    /// <c>SM_NUM_GPUS</c>) and DJL LMI (<c>OPTION_QUANTIZE</c>, <c>OPTION_DTYPE</c>, <c>OPTION_TENSOR_PARALLEL_DEGREE</c>).
    /// </summary>
    public sealed class ModelDeployment
    {
        public static readonly string[] ModelIdKeys = { "HF_MODEL_ID", "MODEL_ID", "OPTION_MODEL_ID", "HF_MODEL_NAME" };
        public static readonly string[] QuantizeKeys = { "HF_MODEL_QUANTIZE", "OPTION_QUANTIZE", "QUANTIZE" };
        public static readonly string[] DtypeKeys = { "OPTION_DTYPE", "DTYPE", "HF_MODEL_DTYPE", "TORCH_DTYPE" };
        public static readonly string[] DeviceCountKeys = { "SM_NUM_GPUS", "OPTION_TENSOR_PARALLEL_DEGREE", "TENSOR_PARALLEL_DEGREE", "NUM_SHARD", "OPTION_TP_SIZE" };

        public ModelDeployment(string? modelId, string? instanceType, IReadOnlyDictionary<string, string>? environment)
        {
            Environment = environment ?? new Dictionary<string, string>();
            ModelId = modelId ?? First(ModelIdKeys);
            InstanceType = instanceType;
        }

        public string? ModelId { get; }

        public string? InstanceType { get; }

        public IReadOnlyDictionary<string, string> Environment { get; }

        /// <summary>Bytes per parameter from quantization, else dtype, else 2 (fp16/bf16, what the servers load by default).</summary>
        public (double bytes, string why) BytesPerParameter
        {
            get
            {
                var quantize = First(QuantizeKeys)?.Trim().ToLowerInvariant();
                var q = QuantizedBytes(quantize);
                if (q.HasValue)
                {
                    return (q.Value, quantize + " quantization");
                }

                var dtype = First(DtypeKeys)?.Trim().ToLowerInvariant();
                var d = DtypeBytes(dtype);
                return d.HasValue ? (d.Value, dtype!) : (2, "fp16/bf16 (default)");
            }
        }

        /// <summary>Accelerators the server shards the model over; null = all of the instance's.</summary>
        public int? DevicesUsed
        {
            get
            {
                var raw = First(DeviceCountKeys);
                return raw != null && int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (int?)null;
            }
        }

        public static double? QuantizedBytes(string? quantize)
        {
            switch (quantize)
            {
                case "awq": case "gptq": case "marlin": case "exl2": case "bitsandbytes-nf4": case "bitsandbytes-fp4": case "bitsandbytes4": case "int4": case "nf4":
                    return 0.5;
                case "bitsandbytes": case "bitsandbytes8": case "llm.int8": case "llmint8": case "eetq": case "fp8": case "int8": case "smoothquant":
                    return 1;
                default:
                    return null;
            }
        }

        private static double? DtypeBytes(string? dtype)
        {
            switch (dtype)
            {
                case "fp32": case "float32": return 4;
                case "fp16": case "float16": case "bf16": case "bfloat16": case "auto": return 2;
                case "fp8": case "int8": return 1;
                default: return null;
            }
        }

        private string? First(string[] keys)
        {
            foreach (var key in keys)
            {
                if (Environment.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return value;
                }
            }

            return null;
        }
    }
}
