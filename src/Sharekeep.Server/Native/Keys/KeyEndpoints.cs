using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Keys;

/// <summary>/api/v1/keys: named API keys with scopes. Only an admin credential manages them.</summary>
internal static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/keys").WithTags("API keys").RequireScope(ApiScope.Admin).WithHeaders(HeaderPolicy.Credential);
        group.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Makes an API key; the answer carries the key, which is never shown again (only its digest is kept).");
        group.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("API keys, newest first, with their last use; revoked ones with includeRevoked=true.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetApiKey").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes a key at once, on every instance; console sessions opened with it end too.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<CreatedKeyResponse>, ValidationProblem>> CreateAsync(
        CreateKeyRequest request, ApiKeyService keys, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await keys.CreateAsync(new ApiKeyRequest(request.Name, request.Scopes, request.Expires), CredentialClaims.ActorOf(context), cancellationToken);
        if (created.Value is not { } issued)
        {
            return TypedResults.ValidationProblem(created.Errors!.ToDictionary());
        }
        var key = issued.Record;
        return TypedResults.Created(
            $"/api/v1/keys/{key.Id}",
            new CreatedKeyResponse(key.Id, key.Name, ScopeNames(key), issued.Key, key.Created, key.Expires));
    }

    private static async Task<Results<Ok<IReadOnlyList<KeyResponse>>, ProblemHttpResult>> ListAsync(
        ApiKeyService keys, TimeProvider time, CancellationToken cancellationToken, bool includeRevoked = false, int limit = 100)
    {
        if (limit is < 1 or > ApiKeyService.MaxListed)
        {
            return NativeProblems.BadRequest($"limit is between 1 and {ApiKeyService.MaxListed}.");
        }
        var now = time.GetUtcNow();
        var listed = await keys.ListAsync(includeRevoked, limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<KeyResponse>>([.. listed.Select(k => ToResponse(k, now))]);
    }

    private static async Task<Results<Ok<KeyResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ApiKeyService keys, TimeProvider time, CancellationToken cancellationToken) =>
        await keys.FindAsync(id, cancellationToken) is { } key
            ? TypedResults.Ok(ToResponse(key, time.GetUtcNow()))
            : NativeProblems.NotFound("There is no API key with this id.");

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ApiKeyService keys, HttpContext context, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, CredentialClaims.ActorOf(context), cancellationToken)
            ? TypedResults.NoContent()
            : NativeProblems.NotFound("There is no unrevoked API key with this id.");

    private static KeyResponse ToResponse(ApiKey key, DateTimeOffset now) =>
        new(key.Id, key.Name, ScopeNames(key), key.Created, key.Expires, key.Revoked, key.LastUsed, key.LastUsedAddress, key.IsActiveAt(now));

    private static IReadOnlyList<string> ScopeNames(ApiKey key) => [.. key.Scopes.Select(ApiScopes.Name)];
}
