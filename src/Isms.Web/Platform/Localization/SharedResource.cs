namespace Isms.Web;

/// Marker for the one resource set every page reads (Resources/SharedResource.zh-TW.resx). Keys
/// are the English text, so English needs no file of its own; a test checks every key used in a
/// page has its zh-TW translation.
public sealed class SharedResource;
