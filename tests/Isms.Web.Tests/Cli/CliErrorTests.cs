namespace Isms.Web.Tests.Cli;

/// A misconfigured command says what is wrong in one line and exits 1, without a stack trace.
public sealed class CliErrorTests
{
    [Theory]
    [InlineData("ConnectionStrings:Postgres is not set", "db", "migrate", "--Database:Provider=Postgres")]
    [InlineData("Failed to connect", "db", "migrate", "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=1;Database=x;Username=y")]
    public async Task Misconfigured_Exit1WithOneReadableLine(string reason, params string[] arguments)
    {
        var result = await IsmsCommand.RunAsync(Path.GetTempPath(), arguments);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("isms: ", result.Errors, StringComparison.Ordinal);
        Assert.Contains(reason, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
    }
}
