namespace Isms.Web.Platform.Errors;

/// The caller may see the record but not change it (it belongs to a unit outside their scope):
/// a 403 for the API and the pages.
public sealed class AccessDeniedException(string message) : Exception(message);
