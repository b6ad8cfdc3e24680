using BenchmarkDotNet.Attributes;
using Isms.Core.Calendars;

namespace Isms.Benchmarks;

/// HalfYear.Of over every day of a year, as a half-yearly report groups a year of records.
[MemoryDiagnoser]
public class HalfYearBenchmarks
{
    private DateOnly[] _days = [];

    [GlobalSetup]
    public void Setup()
    {
        var first = new DateOnly(2026, 1, 1);
        _days = Enumerable.Range(0, 365).Select(first.AddDays).ToArray();
    }

    [Benchmark(Description = "HalfYear.Of for 365 days")]
    public int OfEveryDayOfAYear()
    {
        var secondHalf = 0;
        foreach (var day in _days)
        {
            if (HalfYear.Of(day).Half == 2)
            {
                secondHalf++;
            }
        }

        return secondHalf;
    }
}
