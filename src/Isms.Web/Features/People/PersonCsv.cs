using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.People;

public sealed record ImportRowError(int Line, string Message);

public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// CSV export and import of persons. An import is all or nothing: one bad row and no row is stored,
/// and the answer lists every bad row with its line number.
public sealed class PersonCsv(IsmsDbContext db, PersonWrites writes, Today today, IStringLocalizer<SharedResource> text)
{
    public static readonly string[] Columns =
        ["employee_number", "full_name", "email", "kind", "unit_code", "vendor", "job_function", "phone", "active_from", "active_to"];

    private static readonly string[] RequiredColumns = ["full_name", "kind", "unit_code", "job_function", "active_from"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d"];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<PersonResponse> people, CancellationToken cancellationToken)
    {
        // A byte-order mark, so that spreadsheet programs read the Chinese names as UTF-8.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var p in people.WithCancellation(cancellationToken))
        {
            csv.WriteField(p.EmployeeNumber);
            csv.WriteField(p.FullName);
            csv.WriteField(p.Email);
            csv.WriteField(p.Kind.ToString());
            csv.WriteField(p.UnitCode);
            csv.WriteField(p.VendorName);
            csv.WriteField(p.JobFunction);
            csv.WriteField(p.Phone);
            csv.WriteField(p.ActiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(p.ActiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
    }

    public async Task<ImportResult> ImportAsync(Stream csvText, CancellationToken cancellationToken)
    {
        List<(int Line, Dictionary<string, string> Fields)> rows;
        try
        {
            rows = await ReadRowsAsync(csvText, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return Failed(1, text["The file is not UTF-8 text. Save it as CSV UTF-8 and try again."]);
        }
        catch (CsvHelperException e)
        {
            return Failed(e.Context?.Parser?.RawRow ?? 1, text["The file is not valid CSV (check the quotes on this line)."]);
        }
        catch (InvalidDataException e)
        {
            return Failed(1, e.Message);
        }

        if (rows.Count == 0)
        {
            return Failed(1, text["The file has a header but no rows."]);
        }

        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var vendors = await db.Set<Vendor>().AsNoTracking().ToDictionaryAsync(v => v.Name, v => v.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var people = await db.Set<Person>().ToListAsync(cancellationToken);
        var byNumber = people.Where(p => p.EmployeeNumber is not null).ToDictionary(p => p.EmployeeNumber!, StringComparer.OrdinalIgnoreCase);
        var byEmail = people.Where(p => p.Email is not null).ToDictionary(p => p.Email!, StringComparer.OrdinalIgnoreCase);
        var numbersInFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var emailsInFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        var errors = new List<ImportRowError>();
        var pending = new List<(Person Person, PersonInput Input, bool IsNew)>();
        foreach (var (line, fields) in rows)
        {
            var rowErrors = new List<string>();
            var input = ToInput(fields, units, vendors, rowErrors);
            var validation = new List<ValidationResult>();
            if (!Validator.TryValidateObject(input, new ValidationContext(input), validation, validateAllProperties: true))
            {
                rowErrors.AddRange(validation.Select(v => $"{ColumnOf(v.MemberNames.FirstOrDefault())}: {text[v.ErrorMessage ?? ""]}"));
            }

            var number = Person.NormalizeNumber(input.EmployeeNumber);
            var email = Person.NormalizeEmail(input.Email);
            if (number is not null && !numbersInFile.TryAdd(number, line))
            {
                rowErrors.Add("employee_number: " + F("the same number is on line {0}.", numbersInFile[number]));
            }

            if (email is not null && !emailsInFile.TryAdd(email, line))
            {
                rowErrors.Add("email: " + F("the same address is on line {0}.", emailsInFile[email]));
            }

            // A row updates the person with its employee number, or else with its e-mail address.
            var existing = number is not null && byNumber.TryGetValue(number, out var n) ? n
                : email is not null && byEmail.TryGetValue(email, out var e) ? e : null;
            if (existing is not null && email is not null && byEmail.TryGetValue(email, out var owner) && owner != existing)
            {
                rowErrors.Add("email: " + text["Another person has this e-mail address."]);
            }

            if (existing is null && email is not null && byEmail.ContainsKey(email))
            {
                rowErrors.Add("email: " + text["Another person has this e-mail address."]);
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(message => new ImportRowError(line, message)));
                continue;
            }

            pending.Add((existing ?? new Person { FullName = "", JobFunction = "", CreatedAt = today.Now }, input, existing is null));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (person, input, isNew) in pending)
        {
            person.Assign(input);
            writes.Touch(person);
            if (isNew)
            {
                db.Add(person);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var created = pending.Count(p => p.IsNew);
        return new ImportResult(created, pending.Count - created, []);
    }

    private async Task<List<(int Line, Dictionary<string, string> Fields)>> ReadRowsAsync(Stream input, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            DetectDelimiter = false,
            BadDataFound = null,
        });
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            throw new InvalidDataException(text["The file is empty; the first line must name the columns."]);
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Except(header).ToList();
        var unknown = header.Except(Columns).Where(h => h.Length > 0).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidDataException(
                (missing.Count > 0 ? F("Missing columns: {0}.", string.Join(", ", missing)) + " " : "")
                + (unknown.Count > 0 ? F("Unknown columns: {0}.", string.Join(", ", unknown)) + " " : "")
                + F("The columns are: {0}.", string.Join(",", Columns)));
        }

        var rows = new List<(int, Dictionary<string, string>)>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var fields = new Dictionary<string, string>();
            for (var i = 0; i < header.Length && i < record.Length; i++)
            {
                fields[header[i]] = record[i].Trim();
            }

            rows.Add((csv.Parser.RawRow, fields));
        }

        return rows;
    }

    private PersonInput ToInput(Dictionary<string, string> f, Dictionary<string, int> units, Dictionary<string, int> vendors, List<string> errors)
    {
        string? Get(string column) => f.TryGetValue(column, out var v) && v.Length > 0 ? v : null;

        var kind = PersonKind.Employee;
        if (!PersonKinds.TryParse(Get("kind"), out kind))
        {
            errors.Add("kind: " + F("\"{0}\" is not a kind of person (Employee, Contract, WorkStudy, AlternativeMilitaryService, VendorStaff).", Get("kind")));
        }

        var unitId = 0;
        if (Get("unit_code") is { } code && !units.TryGetValue(code, out unitId))
        {
            errors.Add("unit_code: " + F("no unit has the code \"{0}\".", code));
        }

        int? vendorId = null;
        if (Get("vendor") is { } vendor)
        {
            vendorId = vendors.TryGetValue(vendor, out var id) ? id : null;
            if (vendorId is null)
            {
                errors.Add("vendor: " + F("no vendor is named \"{0}\".", vendor));
            }
        }

        return new PersonInput
        {
            EmployeeNumber = Get("employee_number"),
            FullName = Get("full_name") ?? "",
            Email = Get("email"),
            Kind = kind,
            UnitId = unitId == 0 && Get("unit_code") is not null ? int.MaxValue : unitId,
            VendorId = vendorId ?? (Get("vendor") is not null ? int.MaxValue : null),
            JobFunction = Get("job_function") ?? "",
            Phone = Get("phone"),
            ActiveFrom = ParseDate(Get("active_from"), "active_from", errors),
            ActiveTo = ParseDate(Get("active_to"), "active_to", errors),
        };
    }

    private DateOnly? ParseDate(string? value, string column, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(column + ": " + F("\"{0}\" is not a date (write it as 2026-01-31).", value));
        return null;
    }

    private static string ColumnOf(string? member) => member switch
    {
        nameof(PersonInput.EmployeeNumber) => "employee_number",
        nameof(PersonInput.FullName) => "full_name",
        nameof(PersonInput.Email) => "email",
        nameof(PersonInput.Kind) => "kind",
        nameof(PersonInput.UnitId) => "unit_code",
        nameof(PersonInput.VendorId) => "vendor",
        nameof(PersonInput.JobFunction) => "job_function",
        nameof(PersonInput.Phone) => "phone",
        nameof(PersonInput.ActiveFrom) => "active_from",
        nameof(PersonInput.ActiveTo) => "active_to",
        _ => "row",
    };

    private static ImportResult Failed(int line, string message) => new(0, 0, [new ImportRowError(line, message)]);

    private string F(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, text[key], args);
}
