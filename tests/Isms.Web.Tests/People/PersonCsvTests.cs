using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Isms.Web.Features.People;
using Isms.Web.Platform.Security;
using Isms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Tests.People;

/// CSV export and import of persons: the personnel office's spreadsheet, all or nothing.
public abstract class PersonCsvTests(IsmsApp app)
{
    /// The columns, in order, that the personnel office's spreadsheets use (the CSV contract).
    public const string Header = "employee_number,full_name,email,kind,unit_code,vendor,job_function,phone,active_from,active_to";

    private Task<int> CountPersonsAsync() => app.QueryAsync(db => db.Set<Person>().CountAsync());

    private static ByteArrayContent Csv(string text, bool bom = true)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var content = new ByteArrayContent(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }

    private static string Row(string number, string name, string unitCode, string kind = "Employee", string vendor = "", string activeTo = "") =>
        $"{number},{name},{number.ToLowerInvariant()}@customs.example,{kind},{unitCode},{vendor},Customs officer,02-2550-5500,2024-01-01,{activeTo}";

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ExpectAsync(expected);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static List<(int Line, string Message)> Rows(JsonObject problem) =>
        problem["rows"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["message"]!.GetValue<string>())).ToList();

    // The filters of the list apply to the export too; the whole selection is exported, not one page.
    [Fact]
    public async Task Export_Filtered_IsUtf8CsvWithBomHeaderAndRows()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var body = Api.PersonBody(unit.Id, "陳志明, \"Jimmy\"");
        await admin.CreatePersonAsync(body);
        await admin.CreatePersonAsync(Api.PersonBody(unit.Id, "林淑芬"));

        using var response = await admin.GetAsync($"/api/v1/persons/export.csv?{Api.FullQuery}&unitId={unit.Id}");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(3, lines.Length);
        // The comma and the quotes in the name are escaped as CSV requires.
        Assert.Contains($"{body["employeeNumber"]},\"陳志明, \"\"Jimmy\"\"\",{body["email"]},Employee,{unit.Code},,Customs officer,02-2550-5500,2020-01-01,", lines);
        Assert.Single(lines, line => line.Contains(",林淑芬,", StringComparison.Ordinal));
    }

    // The export link people bookmark has no query string at all.
    [Fact]
    public async Task Export_PlainUrl_ReturnsCsv()
    {
        var admin = await app.ClientAsync(Roles.Administrator);

        using var response = await admin.GetAsync("/api/v1/persons/export.csv");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_SameFileTwice_CreatesThenUpdatesByEmployeeNumber()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var vendor = await admin.CreateVendorAsync();
        var numbers = new[] { Api.Unique("C"), Api.Unique("C"), Api.Unique("C") };
        var csv = string.Join("\n",
            Header,
            Row(numbers[0], "王小明", unit.Code),
            Row(numbers[1], "Lin Shu-fen", unit.Code.ToLowerInvariant(), kind: "約聘"), // unit codes in any case; zh-TW kinds
            Row(numbers[2], "Harbour Engineer", unit.Code, kind: "VendorStaff", vendor: vendor.Name, activeTo: "2027-12-31"));
        var before = await CountPersonsAsync();

        using var first = await admin.PostAsync("/api/v1/persons/import", Csv(csv));
        using var second = await admin.PostAsync("/api/v1/persons/import", Csv(csv));

        var created = await ReadObjectAsync(first, HttpStatusCode.OK);
        var updated = await ReadObjectAsync(second, HttpStatusCode.OK);
        Assert.Equal((3, 0), (created["created"]!.GetValue<int>(), created["updated"]!.GetValue<int>()));
        Assert.Equal((0, 3), (updated["created"]!.GetValue<int>(), updated["updated"]!.GetValue<int>()));
        Assert.Equal(before + 3, await CountPersonsAsync());
        var stored = await app.QueryAsync(db => db.Set<Person>().AsNoTracking().Where(p => numbers.Contains(p.EmployeeNumber!)).OrderBy(p => p.EmployeeNumber).ToListAsync());
        Assert.Equal(numbers.Order(), stored.Select(p => p.EmployeeNumber));
        Assert.All(stored, p => Assert.Equal((unit.Id, 1), (p.UnitId, p.Version)));
        var engineer = stored.Single(p => p.EmployeeNumber == numbers[2]);
        Assert.Equal((PersonKind.VendorStaff, (int?)vendor.Id, (DateOnly?)new DateOnly(2027, 12, 31)), (engineer.Kind, engineer.VendorId, engineer.ActiveTo));
        Assert.Equal(PersonKind.Contract, stored.Single(p => p.EmployeeNumber == numbers[1]).Kind);
        Assert.Equal([stored.Single(p => p.EmployeeNumber == numbers[0]).Id], (await admin.ListPersonsAsync($"q=王小明&unitId={unit.Id}")).Items.Select(p => p.Id));
    }

    [Theory]
    [InlineData(true)] // as Excel saves "CSV UTF-8"
    [InlineData(false)] // as most other tools write it
    public async Task Import_WithOrWithoutBom_ReadsTheChineseNames(bool bom)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var number = Api.Unique("B");

        using var response = await admin.PostAsync("/api/v1/persons/import", Csv($"{Header}\n{Row(number, "黃雅婷", unit.Code)}\n", bom));

        Assert.Equal(1, (await ReadObjectAsync(response, HttpStatusCode.OK))["created"]!.GetValue<int>());
        var stored = await app.QueryAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.EmployeeNumber == number));
        Assert.Equal("黃雅婷", stored.FullName);
    }

    // All or nothing: one bad row in a thousand and no row is stored; the answer names the line as a
    // spreadsheet shows it (the header is line 1, so data row 500 is line 501).
    [Fact]
    public async Task Import_OneBadRowInAThousand_ImportsNothingAndNamesLine501()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var prefix = Api.Unique("K");
        var lines = new List<string> { Header };
        for (var row = 1; row <= 1000; row++)
        {
            lines.Add(Row($"{prefix}-{row:D4}", $"Person {row}", unit.Code, kind: row == 500 ? "Astronaut" : "Employee"));
        }

        var before = await CountPersonsAsync();

        using var response = await admin.PostAsync("/api/v1/persons/import", Csv(string.Join("\r\n", lines)));

        var problem = await ReadObjectAsync(response, HttpStatusCode.BadRequest);
        var rows = Rows(problem);
        Assert.Equal([501], rows.Select(r => r.Line).Distinct());
        Assert.Contains("Astronaut", rows[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountPersonsAsync());
    }

    // The import accepts up to PeopleSetup.MaxImportBytes (16 MiB), more than the 1 MiB of every other
    // request: a file of some ten thousand persons must reach the row checks, not stop at 413.
    [Fact]
    public async Task Import_FileOver1MiB_IsReadInFull()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var prefix = Api.Unique("L");
        var csv = new StringBuilder(Header).Append('\n');
        for (var row = 1; row <= 12_000; row++)
        {
            // The last row is bad, so the answer proves every row was read, and nothing is stored.
            csv.Append(Row($"{prefix}-{row:D6}", $"Large File Person {row}", unit.Code, kind: row == 12_000 ? "Astronaut" : "Employee")).Append('\n');
        }

        var content = Csv(csv.ToString());
        Assert.True(content.Headers.ContentLength > 1024 * 1024, $"only {content.Headers.ContentLength} bytes");
        var before = await CountPersonsAsync();

        using var response = await admin.PostAsync("/api/v1/persons/import", content);

        Assert.Equal([12_001], Rows(await ReadObjectAsync(response, HttpStatusCode.BadRequest)).Select(r => r.Line).Distinct());
        Assert.Equal(before, await CountPersonsAsync());
    }

    [Theory]
    [InlineData("employee_number,name,email,kind,unit_code,vendor,job_function,phone,active_from,active_to")] // full_name misspelt
    [InlineData("employee_number,full_name,email,kind,unit_code,vendor,job_function,phone,active_from,active_to,salary")] // an unknown column
    [InlineData("employee_number;full_name;email;kind;unit_code;vendor;job_function;phone;active_from;active_to")] // semicolons
    public async Task Import_WrongHeader_Is400AndImportsNothing(string header)
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var before = await CountPersonsAsync();

        using var response = await admin.PostAsync("/api/v1/persons/import", Csv($"{header}\n{Row(Api.Unique("H"), "Header Case", unit.Code)}\n"));

        var rows = Rows(await ReadObjectAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(1, Assert.Single(rows).Line);
        Assert.Equal(before, await CountPersonsAsync());
    }

    [Fact]
    public async Task Import_SameEmployeeNumberTwice_Is400NamingBothLines()
    {
        var admin = await app.ClientAsync(Roles.Administrator);
        var unit = await admin.CreateUnitAsync();
        var number = Api.Unique("D");
        var csv = string.Join("\n",
            Header,
            Row(number, "First Holder", unit.Code),
            Row(Api.Unique("D"), "Someone Else", unit.Code),
            Row(number, "Second Holder", unit.Code).Replace($"{number.ToLowerInvariant()}@", "other.address@", StringComparison.Ordinal));
        var before = await CountPersonsAsync();

        using var response = await admin.PostAsync("/api/v1/persons/import", Csv(csv));

        var rows = Rows(await ReadObjectAsync(response, HttpStatusCode.BadRequest));
        var duplicate = Assert.Single(rows);
        Assert.Equal(4, duplicate.Line);
        Assert.Contains("line 2", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountPersonsAsync());
    }
}

public sealed class PersonCsvTestsOnSqlite(SqliteApp app) : PersonCsvTests(app), IClassFixture<SqliteApp>;

public sealed class PersonCsvTestsOnPostgres(PostgresApp app) : PersonCsvTests(app), IClassFixture<PostgresApp>;
