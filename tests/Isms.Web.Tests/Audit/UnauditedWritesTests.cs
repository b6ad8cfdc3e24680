namespace Isms.Web.Tests.Audit;

/// The trail is written in SaveChanges (STYLE 13). Set-based writes (ExecuteUpdate, ExecuteDelete,
/// raw SQL) bypass it, so each one in the application must be known to be harmless here.
public sealed class UnauditedWritesTests
{
    // Files allowed to write around SaveChanges, and why.
    private static readonly string[] Allowed =
    [
        "Data/DatabaseSetup.cs", // PRAGMA journal_mode: a file setting, no record changes
        "Features/Audit/", // the trail's own reads
        "Features/Availability/Probing/", // probe results, gaps, roll-ups, engine state and leases: measurements, not records
    ];

    [Fact]
    public void SetBasedWrites_OnlyWhereTheyChangeNoRecord()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Isms.Web");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(source, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !Allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .Where(f => File.ReadAllText(Path.Combine(source, f)) is var text
                && (text.Contains("ExecuteUpdate", StringComparison.Ordinal) || text.Contains("ExecuteDelete", StringComparison.Ordinal)
                    || text.Contains("ExecuteSql", StringComparison.Ordinal)))
            .ToList();

        Assert.True(offenders.Count == 0,
            "These files write without SaveChanges, so their changes are not audited: " + string.Join(", ", offenders)
            + ". Save through the context, or record the change with AuditLog and add the file here with the reason.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Isms.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Isms.slnx not found above the test's folder.");
    }
}
