using Microsoft.AspNetCore.Http.HttpResults;

namespace Sharekeep.Server.Errors;

/// <summary>Problem details answers of the native API that handlers return.</summary>
internal static class NativeProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");
}
