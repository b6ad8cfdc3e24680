namespace Isms.Web.Platform.Errors;

/// The record asked for does not exist (or, later, is not the caller's to see): a 404 for the API.
public sealed class RecordNotFoundException(string kind, object id) : Exception($"{kind} {id} does not exist.")
{
    public string Kind { get; } = kind;
}
