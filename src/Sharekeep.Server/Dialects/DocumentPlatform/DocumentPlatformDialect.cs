namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>Which paths speak the document platform's dialect: everything under its API version prefix.</summary>
internal static class DocumentPlatformDialect
{
    public const string Prefix = "/api/2.0";

    public static bool Owns(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
