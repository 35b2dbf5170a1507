using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Links;

/// <summary>POST /api/v1/links/bulk: the request read and checked in full before anything changes.</summary>
internal static class LinkBulkEndpoint
{
    public static async Task<Results<Ok<BulkLinksResponse>, ValidationProblem>> RunAsync(
        BulkLinksRequest request, HttpContext context, LinkBulkActions bulk, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var unknownFields = (request.Unknown?.Keys ?? Enumerable.Empty<string>())
            .Concat((request.Filter?.Unknown?.Keys ?? Enumerable.Empty<string>()).Select(k => "filter." + k));
        foreach (var unknown in unknownFields)
        {
            errors.Add(unknown, $"{unknown} is not a field of a bulk action; see the inventory's parameters for the filter's names.");
        }
        BulkActionKind kind = default;
        if (request.Action is null || !BulkAction.Names.TryGetValue(request.Action, out kind))
        {
            errors.Add("action", $"action is one of {string.Join(", ", BulkAction.Names.Keys)}.");
        }
        var expiresAt = LinkParameters.Time("expiresAt", request.ExpiresAt, errors);
        var given = ToInput(request.Filter, errors);
        var filter = LinkQueryRules.ReadFilter(given, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var action = new BulkAction(kind, expiresAt, request.DenyDownload ?? true);
        var outcome = await bulk.RunAsync(given, filter, action, request.DryRun ?? false, CredentialClaims.ActorOf(context), cancellationToken);
        if (outcome.Value is not { } result)
        {
            return TypedResults.ValidationProblem(outcome.Errors!.ToDictionary());
        }
        return TypedResults.Ok(new BulkLinksResponse(
            action.Name,
            result.DryRun,
            result.Count,
            [.. result.Links.Select(l => LinkResponse.Of(l.Link, result.Now, context.Request, l.Previous))]));
    }

    private static LinkFilterInput ToInput(BulkFilterRequest? filter, ValidationErrors errors) => filter is null ? new LinkFilterInput() : new LinkFilterInput
    {
        Kind = LinkParameters.Names("filter.kind", filter.Kind, errors),
        ResourceId = LinkParameters.Id("filter.resourceId", filter.ResourceId, errors),
        FileId = LinkParameters.Id("filter.fileId", filter.FileId, errors),
        State = LinkParameters.Names("filter.state", filter.State, errors),
        HasPassword = LinkParameters.Flag("filter.hasPassword", filter.HasPassword, errors),
        DenyDownload = LinkParameters.Flag("filter.denyDownload", filter.DenyDownload, errors),
        CreatedAfter = LinkParameters.Time("filter.createdAfter", filter.CreatedAfter, errors),
        CreatedBefore = LinkParameters.Time("filter.createdBefore", filter.CreatedBefore, errors),
        ExpiresAfter = LinkParameters.Time("filter.expiresAfter", filter.ExpiresAfter, errors),
        ExpiresBefore = LinkParameters.Time("filter.expiresBefore", filter.ExpiresBefore, errors),
        Q = filter.Q,
    };
}
