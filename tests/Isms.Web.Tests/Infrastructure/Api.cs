using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Platform.Paging;

namespace Isms.Web.Tests.Infrastructure;

/// Requests and answers of the API as a client sees them on the wire.
public static class Api
{
    /// The app's JSON: camelCase names and enums as their names. Tests write request bodies as
    /// JSON objects, so the wire format is visible here and in one place.
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// A short unique token, so tests that share one app never see each other's records.
    public static string Unique(string prefix = "T") => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// How the API writes a kind in JSON: its name.
    public static JsonNode Kind(PersonKind kind) => JsonValue.Create(kind.ToString());

    public static JsonNode Kind(UnitKind kind) => JsonValue.Create(kind.ToString());

    public static JsonNode Kind(VendorKind kind) => JsonValue.Create(kind.ToString());

    /// Today's date where the agency is, whatever the zone of the machine running the tests.
    public static DateOnly TodayInTaipei() => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei")).DateTime);

    public static StringContent Body(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, Body(body));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PutAsync(url, Body(body));

    /// Fails with the body in the message, which is what one needs to see when a status is wrong.
    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered " +
                $"{(int)response.StatusCode} {response.StatusCode}, expected {(int)expected} {expected}. Body: {body}");
        }
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await response.ExpectAsync(expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static async Task<T> GetAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadAsync<T>();
    }

    /// The field names of a validation problem's `errors`, as the API wrote them.
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(problem["errors"] is JsonObject, $"The problem has no `errors` object: {problem.ToJsonString()}");
        return problem["errors"]!.AsObject().Select(e => e.Key).ToList();
    }

    /// Asserts the errors name the field. The API writes them as the C# property (FullName) while
    /// the request has the JSON name (fullName); a client maps them case-insensitively.
    public static void AssertNamesField(IReadOnlyList<string> fields, string jsonName) =>
        Assert.True(fields.Any(f => string.Equals(f, jsonName, StringComparison.OrdinalIgnoreCase)),
            $"Expected an error on `{jsonName}`, got errors on: {string.Join(", ", fields)}");

    public static JsonObject UnitBody(string code, int? parentId = null, string? name = null, int version = 0) => new()
    {
        ["code"] = code,
        ["name"] = name ?? $"Unit {code}",
        ["nameZh"] = $"單位{code}",
        ["kind"] = Kind(UnitKind.Section),
        ["parentId"] = parentId,
        ["location"] = "Keelung City",
        ["version"] = version,
    };

    public static JsonObject VendorBody(string name, int version = 0) => new()
    {
        ["name"] = name,
        ["kind"] = Kind(VendorKind.ContractSigned),
        ["contractNumber"] = "IM-115-001",
        ["contractStart"] = "2026-01-01",
        ["contractEnd"] = "2027-12-31",
        ["contactName"] = "Account manager",
        ["contactEmail"] = "contact@vendor.example",
        ["version"] = version,
    };

    /// A valid employee in the unit; tests change the fields they are about.
    public static JsonObject PersonBody(int unitId, string? fullName = null) => new()
    {
        ["employeeNumber"] = Unique("E"),
        ["fullName"] = fullName ?? "Person " + Unique(),
        ["email"] = Unique("u").ToLowerInvariant() + "@customs.example",
        ["kind"] = Kind(PersonKind.Employee),
        ["unitId"] = unitId,
        ["vendorId"] = null,
        ["jobFunction"] = "Customs officer",
        ["phone"] = "02-2550-5500",
        ["activeFrom"] = "2020-01-01",
        ["activeTo"] = null,
        ["version"] = 0,
    };

    public static async Task<UnitResponse> CreateUnitAsync(this HttpClient client, int? parentId = null, string? code = null)
    {
        using var response = await client.PostJsonAsync("/api/v1/units", UnitBody(code ?? Unique("U"), parentId));
        return await response.ReadAsync<UnitResponse>(HttpStatusCode.Created);
    }

    public static async Task<VendorResponse> CreateVendorAsync(this HttpClient client, string? name = null)
    {
        using var response = await client.PostJsonAsync("/api/v1/vendors", VendorBody(name ?? "Vendor " + Unique()));
        return await response.ReadAsync<VendorResponse>(HttpStatusCode.Created);
    }

    public static async Task<PersonResponse> CreatePersonAsync(this HttpClient client, JsonObject body)
    {
        using var response = await client.PostJsonAsync("/api/v1/persons", body);
        return await response.ReadAsync<PersonResponse>(HttpStatusCode.Created);
    }

    /// The query every list call sends in full. The app answers 400 when page, pageSize or status is
    /// missing, although PersonQuery gives them defaults (see PeopleApiTests.List_WithoutQueryParameters_UsesTheDefaults),
    /// so tests of the other filters send all three to keep testing what they are about.
    public const string FullQuery = "page=1&pageSize=10&status=Active";

    public const string PersonsUrl = "/api/v1/persons?" + FullQuery;

    public static Task<Page<PersonResponse>> ListPersonsAsync(this HttpClient client, string query, int page = 1, int pageSize = 100, string status = "Active") =>
        client.GetAsync<Page<PersonResponse>>($"/api/v1/persons?page={page}&pageSize={pageSize}&status={status}" + (query.Length > 0 ? "&" + query : ""));
}
