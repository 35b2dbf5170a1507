namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>Which paths speak the reporting tool's dialect, and the error codes it uses.</summary>
internal static class ReportingToolDialect
{
    public const string SharingDisabledMessage = "Sharing has been disabled by configuration";

    private static readonly string[] Prefixes = ["/api/share", "/api/external", "/api/public"];

    public static bool Owns(PathString path) =>
        Prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    public static string ErrorCodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "badRequestError",
        StatusCodes.Status401Unauthorized => "notAuthorizedError",
        StatusCodes.Status403Forbidden => "forbiddenError",
        StatusCodes.Status404NotFound => "notFoundError",
        StatusCodes.Status405MethodNotAllowed => "methodNotAllowedError",
        StatusCodes.Status413PayloadTooLarge => "payloadTooLargeError",
        StatusCodes.Status415UnsupportedMediaType => "unsupportedMediaTypeError",
        >= 500 => "serverError",
        _ => "badRequestError",
    };
}
