using System.Collections.Concurrent;

namespace Isms.Web.Data;

/// Queues this process's writers in memory where the database would make them wait worse. SQLite
/// lets one writer in at a time and makes the others poll with growing sleeps (busy_timeout): under
/// 32 concurrent writers most of the time went to sleeping. On PostgreSQL, 32 transactions queued
/// on the audit head's row lock convoyed (p99 ×3). A semaphore hands over at once; other processes
/// and nodes still meet the database's own locks, which remain what makes the chain correct.
public static class WriterTurns
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
