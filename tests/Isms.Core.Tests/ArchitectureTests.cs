using Isms.Core.Calendars;

namespace Isms.Core.Tests;

public sealed class ArchitectureTests
{
    // STYLE.md: Isms.Core holds rules with no I/O and never references EF Core or ASP.NET Core.
    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    public void IsmsCore_References_NoFrameworkOf(string forbiddenPrefix)
    {
        var offending = typeof(HalfYear).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => name.StartsWith(forbiddenPrefix, StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offending);
    }
}
