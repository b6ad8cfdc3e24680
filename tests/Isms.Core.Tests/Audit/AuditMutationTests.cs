using Isms.Core.Audit;
using static Isms.Core.Tests.Audit.AuditVerifierTests;

namespace Isms.Core.Tests.Audit;

/// The issue's mutation test: 10,000 random single mutations of a log (update a field, delete,
/// insert, swap, truncate the tail) are all detected, and untouched logs give no false alarm.
/// A checkpoint covers the head, as the hourly checkpoint does in production.
public sealed class AuditMutationTests
{
    private const int LogSize = 120;

    [Fact]
    public void RandomSingleMutations_AreAllDetected()
    {
        var random = new Random(20261125);
        var original = BuildLog(LogSize, seed: 99);
        var checkpoint = CheckpointAt(original, LogSize);
        var missed = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var log = original.ToList();
            var what = Mutate(log, random);
            if (Verify(log, checkpoint).IsIntact)
            {
                missed.Add(what);
            }
        }

        Assert.True(missed.Count == 0, $"{missed.Count} mutations went unnoticed, e.g. {string.Join("; ", missed.Take(5))}");
    }

    [Fact]
    public void UntouchedLogs_GiveNoFalseAlarm()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var log = BuildLog(1 + (seed % 40), seed);
            var result = Verify(log, CheckpointAt(log, log.Count), CheckpointAt(log, log.Count / 2));
            Assert.True(result.IsIntact, $"seed {seed}: {result.Problem}");
        }
    }

    private static string Mutate(List<Stored> log, Random random)
    {
        var at = random.Next(log.Count);
        switch (random.Next(5))
        {
            case 0:
                var r = log[at].Record;
                log[at] = log[at] with
                {
                    Record = random.Next(4) switch
                    {
                        0 => r with { ActorAccount = r.ActorAccount + "x" },
                        1 => r with { At = r.At.AddTicks(1) },
                        2 => r with { Changes = null },
                        _ => r with { Action = "person.delete" },
                    },
                };
                return $"update entry {at + 1}";
            case 1:
                log.RemoveAt(at);
                return $"delete entry {at + 1}";
            case 2:
                // A forged entry: its hash is made with a key the forger guesses.
                var forged = log[at].Record with { Sequence = at + 2, RequestId = "forged" };
                using (var wrong = new AuditChain(Enumerable.Repeat((byte)7, 32).ToArray()))
                {
                    log.Insert(at + 1, new Stored(forged, wrong.Link(log[at].Hash, forged)));
                }

                return $"insert after entry {at + 1}";
            case 3:
                var other = (at + 1 + random.Next(log.Count - 1)) % log.Count;
                (log[at], log[other]) = (log[other], log[at]);
                return $"swap entries {at + 1} and {other + 1}";
            default:
                var keep = random.Next(log.Count);
                log.RemoveRange(keep, log.Count - keep);
                return $"truncate to {keep} entries";
        }
    }
}
