using System.Net;
using System.Net.Http.Json;
using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Isms.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Web.Tests.Infrastructure;

/// The real application, built by IsmsWebApp exactly as `isms serve` builds it, listening on a free
/// loopback port over real HTTP, with a database of its own. One per test class (IClassFixture).
public abstract class IsmsApp : IAsyncLifetime
{
    /// The password of every account the tests create.
    public const string Password = "test-password-long-enough";

    private readonly List<HttpClient> _clients = [];
    private WebApplication? _app;

    public WebApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; private set; } = null!;

    /// The audit keys of this app (base64), fixed so that the CLI can verify what the app wrote.
    public static string AuditChainKey { get; } = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static string AuditCheckpointKey { get; } = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    /// Where this app writes its signed audit checkpoints: a folder of its own.
    public string AuditCheckpointPath { get; } = Path.Combine(Directory.CreateTempSubdirectory("isms-checkpoints-").FullName, "audit-checkpoints.jsonl");

    /// The provider's name, for messages.
    public abstract string Provider { get; }

    /// Creates the empty database and returns the configuration that points the app at it.
    protected abstract Task<IDictionary<string, string?>> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// Whether the roles keep their default of mandatory MFA (Administrator, SecurityOfficer).
    protected virtual bool MandatoryMfa => false;

    /// Settings of a test class's own app, over the defaults above.
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// Services of a test class's own app, registered before the app's own (which use TryAdd where a test may replace them).
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
            // A changed security stamp ends other sessions at their next request, not a minute later.
            ["Isms:Session:StampCheckSeconds"] = "0",
            // Tests sign in many times from one address; RateLimitTests sets low limits of its own.
            ["Isms:RateLimits:SignInPerIp"] = "1000000",
            ["Isms:RateLimits:SignInPerAccount"] = "1000000",
            ["Isms:RateLimits:ApiPerAccount"] = "1000000",
            ["Isms:RateLimits:ApiPerIp"] = "1000000",
            ["Isms:Audit:ChainKey"] = AuditChainKey,
            ["Isms:Audit:CheckpointKey"] = AuditCheckpointKey,
            ["Isms:Audit:CheckpointPath"] = AuditCheckpointPath,
            // PDFs print in the Chromium the test script installed.
            ["Isms:Pdf:Chromium"] = Browser.Chromium.ExecutablePath,
        };
        foreach (var (key, value) in await CreateDatabaseAsync())
        {
            settings[key] = value;
        }

        Configure(settings);

        _app = IsmsWebApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
            ConfigureServices(builder.Services);
        });
        await DatabaseSetup.MigrateAsync(_app.Services, CancellationToken.None);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().EnsureRolesAsync();
            if (!MandatoryMfa)
            {
                // Tests of other features sign in with a password only; MFA tests keep the defaults.
                var mfa = scope.ServiceProvider.GetRequiredService<MfaPolicy>();
                foreach (var role in Isms.Web.Platform.Security.Roles.All)
                {
                    await mfa.SetAsync(role, required: false);
                }
            }
        }

        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await DropDatabaseAsync();
        Directory.Delete(Path.GetDirectoryName(AuditCheckpointPath)!, recursive: true);
    }

    /// An account that can sign in with <see cref="Password"/> right away.
    public Task<Account> CreateUserAsync(string userName, params string[] roles) =>
        CreateAccountAsync(userName, mustChangePassword: false, roles);

    /// An account holding a one-time password (<see cref="Password"/>) that must be changed first.
    public Task<Account> CreateUserWithOneTimePasswordAsync(string userName, params string[] roles) =>
        CreateAccountAsync(userName, mustChangePassword: true, roles);

    /// A client signed in through POST /api/v1/auth/sign-in as a new user with these roles.
    public async Task<HttpClient> ClientAsync(params string[] roles)
    {
        var userName = "user-" + Guid.NewGuid().ToString("N")[..12];
        await CreateUserAsync(userName, roles);
        var client = AnonymousClient();
        using var response = await SignInAsync(client, userName, Password);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// A client with its own cookie jar that follows no redirect, so tests see the 302 itself.
    public HttpClient AnonymousClient()
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password });

    /// The second step of sign-in, with a code computed from the key as an authenticator app does.
    public static Task<HttpResponseMessage> SecondFactorAsync(HttpClient client, string? code = null, string? recoveryCode = null) =>
        client.PostAsJsonAsync("/api/v1/auth/sign-in/second-factor", new { code, recoveryCode });

    /// Enrols an authenticator for the client's account through the API; returns the key and the recovery codes.
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolMfaAsync(HttpClient client)
    {
        using var setup = await client.PostAsync("/api/v1/auth/mfa/authenticator", null);
        var key = (await setup.ReadAsync<AuthenticatorSetup>()).SharedKey;
        using var enable = await client.PostAsJsonAsync("/api/v1/auth/mfa/enable", new { code = Totp.Code(key) });
        return (key, (await enable.ReadAsync<RecoveryCodesResponse>()).RecoveryCodes);
    }

    /// A new user with these roles, signed in with a password alone (MFA not yet enrolled).
    public async Task<(HttpClient Client, Account Account, string UserName)> SignedInUserAsync(params string[] roles)
    {
        var userName = "user-" + Guid.NewGuid().ToString("N")[..12];
        var account = await CreateUserAsync(userName, roles);
        var client = AnonymousClient();
        using var response = await SignInAsync(client, userName, Password);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (client, account, userName);
    }

    /// Runs something with the app's services in a scope of its own.
    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// Runs a query against the app's database in a scope of its own, to check what was really stored.
    public async Task<T> QueryAsync<T>(Func<IsmsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IsmsDbContext>());
    }

    private async Task<Account> CreateAccountAsync(string userName, bool mustChangePassword, string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account
        {
            UserName = userName,
            DisplayName = userName,
            MustChangePassword = mustChangePassword,
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        Check(await users.CreateAsync(account, Password));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(account, roles));
        }

        return account;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
