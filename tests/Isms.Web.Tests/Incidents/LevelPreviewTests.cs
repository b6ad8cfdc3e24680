using System.Net;
using System.Text.Json.Nodes;
using Isms.Web.Features.Incidents;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;

namespace Isms.Web.Tests.Incidents;

/// POST /api/v1/incidents/level-preview as issue 6 writes it: the level, whether major, and why.
public sealed class LevelPreviewTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task IssueExample_Level3MajorWithAReasonPerImpact()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var response = await officer.PostAsync("/api/v1/incidents/level-preview", Api.Body(JsonNode.Parse("""
            {"impacts":[{"aspect":"confidentiality","scope":"core","criticalInfrastructure":false,"severity":"serious"},
            {"aspect":"availability","scope":"nonCore","restoredWithinTolerableTime":true}]}
            """)!));
        var preview = await response.ReadAsync<LevelPreviewResponse>();
        Assert.Equal((3, true), (preview.Level, preview.Major));
        Assert.Equal(["Confidentiality, serious, core business: level 3", "Availability, restored within the tolerable time, non-core business: level 1"], preview.Reasons);
    }

    [Fact]
    public async Task InChinese_TheReasonsAreInChinese()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/level-preview")
        {
            Content = Api.Body(JsonNode.Parse("""{"impacts":[{"aspect":"integrity","scope":"nationalSecret","severity":"minor"}]}""")!),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-TW");
        using var response = await officer.SendAsync(request);
        var preview = await response.ReadAsync<LevelPreviewResponse>();
        Assert.Equal(4, preview.Level);
        Assert.Equal(["完整性、輕微、國家機密：第 4 級"], preview.Reasons);
    }

    [Theory]
    [InlineData("""{"impacts":[{"aspect":"confidentiality","scope":"core","severity":"minor"},{"aspect":"availability","scope":"officialSecret","restoredWithinTolerableTime":true}]}""", "Impacts[1].Scope")]
    [InlineData("""{"impacts":[{"aspect":"availability","scope":"core"}]}""", "Impacts[0].RestoredWithinTolerableTime")]
    [InlineData("""{"impacts":[{"aspect":"integrity","scope":"core"}]}""", "Impacts[0].Severity")]
    [InlineData("""{"impacts":[{"scope":"core","severity":"minor"}]}""", "Impacts[0].Aspect")]
    [InlineData("""{"impacts":[]}""", "Impacts")]
    [InlineData("""{}""", "Impacts")]
    public async Task ImpossibleOrIncomplete_400NamingTheField(string body, string field)
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var response = await officer.PostAsync("/api/v1/incidents/level-preview", Api.Body(JsonNode.Parse(body)!));
        Api.AssertNamesField(await response.ErrorFieldsAsync(), field);
    }

    [Fact]
    public async Task UnknownAspect_400()
    {
        var officer = await app.ClientAsync(Roles.SecurityOfficer);
        using var response = await officer.PostAsync("/api/v1/incidents/level-preview", Api.Body(JsonNode.Parse("""{"impacts":[{"aspect":"secrecy","scope":"core"}]}""")!));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
