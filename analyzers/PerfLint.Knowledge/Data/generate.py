#!/usr/bin/env python3
"""Regenerates the embedded instance data of PerfLint.Knowledge from the reference CSVs in ../shared/data.

Usage (from the repository root):  python3 analyzers/PerfLint.Knowledge/Data/generate.py [path/to/shared/data]

Only the columns the rules use are kept, so the analyzer assembly stays small. The hand-written tables in this
folder (model-families.csv, lambda-runtimes.csv, cdk-internal-functions.csv) are not touched.
"""
import csv, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "shared", "data")

def rows(name):
    with open(os.path.join(src, name), newline="") as f:
        return list(csv.DictReader(f))

def write(name, header, data):
    with open(os.path.join(here, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in data:
            w.writerow(r)

PREV = {"yes": "yes", "no": "no", "unverified": "unverified"}
def prev(value):
    return PREV.get(value, "inferred" if value.startswith("inferred") else value)

# The strongest evidence first: AWS's own word (the API flag, the previous-generation page), then cfn-lint's rule.
EVIDENCE = [
    ("DescribeInstanceTypes:CurrentGeneration=false", "EC2 DescribeInstanceTypes: CurrentGeneration=false"),
    ("aws-previous-generation-page", "AWS EC2 previous-generation page"),
    ("DescribeInstanceTypes:CurrentGeneration=true", "EC2 DescribeInstanceTypes: CurrentGeneration=true"),
    ("cfn-lint-I3100", "cfn-lint rule I3100, not an AWS list"),
]
def evidence(r):
    found = [label for key, label in EVIDENCE if key in r["previous_generation_evidence"]]
    return found[0] if found else ""

def prev_ec2(r):
    # "no" read from the API is verified; "no" only because no list names the family is an inference.
    if r["is_previous_generation"] == "no" and r["previous_generation_evidence"].startswith("inferred"):
        return "inferred"
    return prev(r["is_previous_generation"])

ec2 = rows("aws_ec2_instance_types.csv")
write("instance-types.csv",
      ["type", "family", "size", "category", "subcategory", "generation", "previous_generation", "architecture",
       "cpu", "vcpus", "memory_gib", "accelerator_kind", "accelerator_name", "accelerator_count",
       "accelerator_memory_gib", "usd_per_hour", "regions", "previous_generation_source"],
      [[r["instance_type"], r["family"], r["size"], r["category"], r["subcategory"], r["generation"],
        prev_ec2(r), r["architecture"], r["cpu_manufacturer"], r["vcpus"], r["memory_gib"],
        r["accelerator_kind"], r["accelerator_name"], r["accelerator_count"], r["accelerator_memory_total_gib"],
        r["ondemand_linux_usd_per_hour_us_east_1"], r["cfnlint_region_count"], evidence(r)] for r in ec2])

sm = rows("aws_sagemaker_instance_types.csv")
write("sagemaker-types.csv",
      ["type", "ec2_equivalent", "uses", "family", "size", "category", "generation", "previous_generation",
       "architecture", "vcpus", "memory_gib", "accelerator_kind", "accelerator_name", "accelerator_count",
       "accelerator_memory_gib", "ec2_usd_per_hour", "regions"],
      [[r["instance_type"], r["ec2_equivalent"], r["sagemaker_uses"], r["family"], r["size"], r["category"],
        r["generation"], prev(r["is_previous_generation"]), r["architecture"], r["vcpus"], r["memory_gib"],
        r["accelerator_kind"], r["accelerator_name"], r["accelerator_count"], r["accelerator_memory_total_gib"],
        r["ec2_ondemand_linux_usd_per_hour_us_east_1"], r["cfnlint_region_count"]] for r in sm])

succ = rows("aws_instance_family_successors.csv")
def first(v):
    # "g6 (L4); g6e (L40S) for larger models" -> "g6"; "i3 (AWS page); current Intel: i4i / i7ie" -> current choice
    if "current Intel:" in v:
        v = v.split("current Intel:")[1]
    return v.strip().split(" ")[0].split("/")[0].strip().rstrip(";,") if v.strip() else ""
def analyst(text, vendor):
    # "m8i (Intel) / m7a (AMD) / m8g (Graviton)" -> the family named for that CPU line, else "".
    for part in text.split("/"):
        if "(" + vendor + ")" in part:
            return part.split("(")[0].strip()
    return ""
write("family-successors.csv",
      ["family", "previous_generation", "intel", "amd", "graviton", "accelerated", "source",
       "analyst_intel", "analyst_amd", "analyst_graviton"],
      [[r["from_family"], r["from_is_previous_generation"], first(r["successor_x86_intel"]),
        first(r["successor_x86_amd"]), first(r["successor_arm64_graviton"]), first(r["successor_accelerated"]),
        "AWS upgrade-paths table" if r["source"].startswith("aws.amazon.com") else "analyst mapping",
        analyst(r["analyst_successor"], "Intel"), analyst(r["analyst_successor"], "AMD"),
        analyst(r["analyst_successor"], "Graviton")] for r in succ])

# Which types each service (and RDS engine, SageMaker use) offers, and where: one row per offering, the regions as a
# bit set over regions.csv (the 38 region codes of cfn-lint's pricing-derived enums), written in hex.
offerings = rows("aws_service_instance_offerings.csv")
region_codes = sorted({code for r in offerings for code in r["regions"].split(";") if code})
write("regions.csv", ["bit", "region"], [[i, code] for i, code in enumerate(region_codes)])
def bits(regions):
    value = 0
    for code in regions.split(";"):
        if code:
            value |= 1 << region_codes.index(code)
    return format(value, "x")
write("service-offerings.csv", ["service", "engine_or_use", "type", "regions"],
      [[r["service"], r["engine_or_use"], r["instance_type"], bits(r["regions"])] for r in offerings])

SOURCE_KIND = {"aws-api-model-docs": "ElastiCache API reference, CacheNodeType", "aws-docs": "OpenSearch Service developer guide, supported instance types",
               "cfn-lint-rule (not an AWS list)": "cfn-lint rule I3100, not an AWS list"}
spg = rows("aws_service_previous_generation.csv")
write("service-previous-generation.csv", ["service", "family", "previous_generation", "source"],
      [[r["service"], r["family"], r["is_previous_generation"], SOURCE_KIND[r["source_kind"]]] for r in spg])

nodes = rows("aws_elasticache_node_types.csv")
write("elasticache-node-types.csv", ["type", "vcpus", "memory_gib"],
      [[r["node_type"], r["vcpus"], r["memory_gib"]] for r in nodes])

cls = rows("cdk_instance_class_enum.csv")
write("cdk-instance-class.csv", ["member", "kind", "enum_value", "family"],
      [[r["ts_member"], r["member_kind"], r["ts_enum_value"], r["resolved_family"]] for r in cls])

size = rows("cdk_instance_size_enum.csv")
write("cdk-instance-size.csv", ["member", "size"], [[r["ts_member"], r["size_string"]] for r in size])
# Model sizes by exact hub id. Messages quote the source: a 40-digit commit is cut to its first 7 digits, which name
# it as well in these repositories and keep the message readable.
def short_commits(source):
    return re.sub(r"@([0-9a-f]{7})[0-9a-f]{33}\b", r"@\1", source)
def known_as(value):
    return ";".join(a.strip() for a in re.split(r"[;,]", value) if a.strip())
models = rows("ml_model_parameters.csv")
write("model-parameters.csv",
      ["model_id", "parameters_billions", "active_parameters_billions", "also_known_as", "source"],
      [[r["model_id"], r["parameters_billions"], r["active_parameters_billions"], known_as(r["also_known_as"]),
        short_commits(r["source"])] for r in models])
print("wrote", len(ec2), "EC2,", len(sm), "SageMaker,", len(succ), "successor,", len(cls), "InstanceClass,",
      len(size), "InstanceSize,", len(offerings), "offering,", len(spg), "service previous-generation,", len(nodes),
      "ElastiCache node,", len(models), "model rows")
