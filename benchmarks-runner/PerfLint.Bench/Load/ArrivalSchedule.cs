using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Load;

/// <summary>
/// Send times of an open-loop step, as offsets from its start. Constant: every 1/rate seconds. Poisson: exponential
/// gaps with mean 1/rate (seeded, so a run is reproducible).
/// </summary>
public sealed class ArrivalSchedule
{
    private readonly double _rate;
    private readonly Arrival _arrival;
    private readonly Random _random;
    private long _index;
    private double _offset;

    public ArrivalSchedule(double ratePerSecond, Arrival arrival, int seed)
    {
        _rate = ratePerSecond;
        _arrival = arrival;
        _random = new Random(seed);
    }

    public double NextOffsetSeconds()
    {
        if (_arrival == Arrival.Constant)
            return _index++ / _rate;
        var current = _offset;
        // Inverse-CDF sampling of Exp(rate); 1 - U is in (0, 1] so the log is finite.
        _offset += -Math.Log(1.0 - _random.NextDouble()) / _rate;
        return current;
    }
}
