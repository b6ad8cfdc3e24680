using System.Text;
using Isms.Web.Tests.Infrastructure;
using Isms.Web.Tests.ServiceDesk;
using Microsoft.Data.Sqlite;

namespace Isms.Web.Tests.Cli;

/// `isms calendar import <file>` (issue 4): the same import as the page, from the command line.
public sealed class CalendarCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-cli-calendar-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task CalendarImport_GoodFile_ImportsTheYear_BadFile_ListsItsLinesAndExitsOne()
    {
        var database = IsmsCommand.Sqlite(Path.Combine(_folder, "isms.db"));
        var good = Path.Combine(_folder, "2030.csv");
        await File.WriteAllTextAsync(good, DeskWorld.WeekdayCalendar(2030), new UTF8Encoding(true));
        var bad = Path.Combine(_folder, "2029.csv");
        await File.WriteAllTextAsync(bad, DeskWorld.WeekdayCalendar(2029).Replace("20290105,五,0,", "20290105,五,9,", StringComparison.Ordinal), Encoding.UTF8);

        var imported = await IsmsCommand.RunAsync(_folder, "calendar", "import", good, database);
        var refused = await IsmsCommand.RunAsync(_folder, "calendar", "import", bad, database);
        var listed = await IsmsCommand.RunAsync(_folder, "calendar", "list", database);

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("2030: 261 working days", imported.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("line 6", refused.Errors, StringComparison.Ordinal);
        Assert.Contains("2030\t261", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2029", listed.Output, StringComparison.Ordinal);
        Assert.Contains("2026\t245", listed.Output, StringComparison.Ordinal);
    }
}
