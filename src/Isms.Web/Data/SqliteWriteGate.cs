using System.Collections.Concurrent;

namespace Isms.Web.Data;

/// Queues this process's SQLite writers in memory. SQLite lets one writer in at a time and makes
/// the others poll with growing sleeps (busy_timeout), so under 32 concurrent writers most of the
/// time went to sleeping; a queue hands the file to the next writer the moment it is free. Other
/// processes (the CLI) still wait through busy_timeout.
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public static IDisposable Enter(string connectionString)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
