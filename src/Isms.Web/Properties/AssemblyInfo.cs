using Microsoft.Extensions.Localization;

// The assembly is named `isms` (the executable), but resources follow the root namespace.
[assembly: RootNamespace("Isms.Web")]
