namespace Isms.Web.Platform.Errors;

/// Input that passed the field attributes but not a check that needs the database (an unknown
/// unit, a duplicate code). The API answers 400 with these field errors; a page shows them beside
/// the fields.
public sealed class InputRejectedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The input was rejected: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputRejectedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// Collects field errors and throws them together, so a caller hears of every bad field at once.
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputRejectedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
