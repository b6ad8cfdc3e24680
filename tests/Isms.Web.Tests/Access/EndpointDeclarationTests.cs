using Isms.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Isms.Web.Tests.Access;

/// Deny by default is not enough: every endpoint of the running app must say who may use it
/// (a policy, roles, or an explicit AllowAnonymous), so that no page or API relies on the
/// fallback by accident, and every one must have a row in the access matrix.
public sealed class EndpointDeclarationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static IReadOnlyList<RouteEndpoint> Endpoints(IsmsApp app) =>
        ((IEndpointRouteBuilder)app.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();

    /// "GET /api/v1/documents/{id:int}" or "PAGE /Documents/Details/{id:int}": the key of the matrix.
    public static string KeyOf(RouteEndpoint endpoint)
    {
        var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
            || endpoint.Metadata.Any(m => m.GetType().Name == "CompiledPageActionDescriptor"))
        {
            return "PAGE " + route;
        }

        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        return string.Join(",", methods) + " " + route;
    }

    [Fact]
    public void EveryEndpoint_DeclaresItsAuthorization()
    {
        var undeclared = Endpoints(app)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(KeyOf)
            .Order()
            .ToList();

        Assert.True(undeclared.Count == 0, "These endpoints declare no policy, roles or AllowAnonymous:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void EveryEndpoint_HasARowInTheAccessMatrix()
    {
        var keys = Endpoints(app).Select(KeyOf).ToHashSet();

        var missing = keys.Except(AccessMatrix.Rows.Keys).Order().ToList();
        var stale = AccessMatrix.Rows.Keys.Except(keys).Order().ToList();

        Assert.True(missing.Count == 0, "Add these endpoints to AccessMatrix.Rows:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "AccessMatrix.Rows names endpoints the app no longer has:\n" + string.Join("\n", stale));
    }
}
