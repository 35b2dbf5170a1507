using System.Net;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;

namespace Sharekeep.Core.Webhooks;

/// <summary>
/// Whether receivers on private and loopback addresses may be registered and reached (off unless the operator says
/// so), and how many webhooks may be registered: each one is a request per event, so their number is what an
/// admin key could make every change cost.
/// </summary>
public sealed record WebhookRules(bool AllowPrivateAddresses, int MaxEndpoints = WebhookService.DefaultMaxEndpoints);

/// <summary>Registering, changing and removing webhook endpoints, and what their deliveries did; every change audited.</summary>
public sealed class WebhookService(IWebhookStore store, IWebhookSecretProtector protector, WebhookRules rules, AuditLog audit, TimeProvider time)
{
    public const int MaxUrlLength = 2000;
    public const int DefaultMaxEndpoints = 100;

    /// <summary>The most <see cref="WebhookRules.MaxEndpoints"/> may be, and so the most ever listed.</summary>
    public const int MaxEndpointsLimit = 1000;
    public const int MaxAttemptsListed = 200;

    private const string PrivateAddressRefused =
        "url is on a private, loopback or otherwise non-public address; set Sharekeep:Webhooks:AllowPrivateAddresses to allow it.";

    public async Task<Outcome<RegisteredWebhook>> CreateAsync(string? url, IReadOnlyList<string>? events, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (checkedUrl, checkedEvents) = (CheckUrl(url, errors), CheckEvents(events, errors));
        if (!errors.IsEmpty)
        {
            return Outcome<RegisteredWebhook>.Invalid(errors);
        }
        var now = time.GetUtcNow();
        var endpoint = new WebhookEndpoint(Guid.CreateVersion7(now), checkedUrl!, checkedEvents!, true, now);
        var secret = WebhookSignature.NewSecret();
        if (!await store.AddAsync(endpoint, protector.Protect(secret), rules.MaxEndpoints, cancellationToken))
        {
            return Outcome<RegisteredWebhook>.Invalid("url", $"At most {rules.MaxEndpoints} webhooks may be registered (Sharekeep:Webhooks:MaxEndpoints).");
        }
        await audit.RecordAsync(actor, AuditActions.WebhookCreated, [endpoint.Id.ToString()], Details(endpoint), cancellationToken);
        return Outcome<RegisteredWebhook>.Ok(new RegisteredWebhook(endpoint, secret));
    }

    public async Task<Outcome<WebhookEndpoint>> UpdateAsync(Guid id, WebhookChange change, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var url = change.Url is null ? null : CheckUrl(change.Url, errors);
        var events = change.Events is null ? null : CheckEvents(change.Events, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<WebhookEndpoint>.Invalid(errors);
        }
        if (await store.UpdateAsync(id, new WebhookChange(url, events, change.Enabled), cancellationToken) is not { } updated)
        {
            return Outcome<WebhookEndpoint>.NotFound("id", "There is no webhook with this id.");
        }
        await audit.RecordAsync(actor, AuditActions.WebhookUpdated, [id.ToString()], Details(updated), cancellationToken);
        return Outcome<WebhookEndpoint>.Ok(updated);
    }

    public async Task<bool> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            return false;
        }
        await audit.RecordAsync(actor, AuditActions.WebhookDeleted, [id.ToString()], cancellationToken);
        return true;
    }

    public async Task<bool> ReplayAsync(Guid id, string messageId, Actor actor, CancellationToken cancellationToken)
    {
        if (messageId.Length > 64 || !await store.ReplayAsync(id, messageId, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }
        await audit.RecordAsync(actor, AuditActions.WebhookReplayed, [id.ToString(), messageId], cancellationToken);
        return true;
    }

    public Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(MaxEndpointsLimit, cancellationToken);

    public Task<IReadOnlyList<WebhookAttempt>> ListAttemptsAsync(Guid id, long? beforeId, int limit, CancellationToken cancellationToken) =>
        store.ListAttemptsAsync(id, beforeId, Math.Clamp(limit, 1, MaxAttemptsListed), cancellationToken);

    private string? CheckUrl(string? url, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add("url", $"url is an absolute http or https address of at most {MaxUrlLength} characters.");
            return null;
        }
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            errors.Add("url", "url carries no user name, password or fragment.");
            return null;
        }
        if (rules.AllowPrivateAddresses)
        {
            return uri.AbsoluteUri;
        }
        // A name is checked when a delivery resolves it (it may resolve elsewhere by then); a literal address now too,
        // also written with the trailing dot of a fully qualified name, which resolvers take for the address itself.
        if (IPAddress.TryParse(uri.IdnHost.TrimEnd('.'), out var address) && WebhookAddresses.IsRestricted(address))
        {
            errors.Add("url", PrivateAddressRefused);
            return null;
        }
        // localhost and every name under it are the host itself by definition (RFC 6761), whatever a resolver says
        // later: refused now, with the same answer as 127.0.0.1.
        if (WebhookAddresses.IsLocalHostName(uri.IdnHost))
        {
            errors.Add("url", PrivateAddressRefused);
            return null;
        }
        if (WebhookAddresses.IsRefusedPort(uri.Port))
        {
            errors.Add("url", $"url's port {uri.Port} is one of a service that is no webhook receiver (mail, databases, control planes); use another, or set Sharekeep:Webhooks:AllowPrivateAddresses.");
            return null;
        }
        return uri.AbsoluteUri;
    }

    private static List<string>? CheckEvents(IReadOnlyList<string>? events, ValidationErrors errors)
    {
        if (events is null || events.Count == 0)
        {
            errors.Add("events", "events lists at least one of: " + string.Join(", ", WebhookEvents.All) + ".");
            return null;
        }
        // Any, not FirstOrDefault: a null in the list is unknown too, and FirstOrDefault's null would say "none".
        if (events.Any(e => !WebhookEvents.IsKnown(e)))
        {
            var unknown = events.First(e => !WebhookEvents.IsKnown(e));
            var named = unknown is { Length: <= 64 } && !VisibleText.HasControlOrHiddenFormatting(unknown) ? $"'{unknown}'" : "One of them";
            errors.Add("events", $"{named} is not an event; events are: " + string.Join(", ", WebhookEvents.All) + ".");
            return null;
        }
        return [.. events.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The address without its query, which receivers often use to carry a token of their own.</summary>
    private static object Details(WebhookEndpoint endpoint) =>
        new { url = new Uri(endpoint.Url).GetLeftPart(UriPartial.Path), events = endpoint.Events, enabled = endpoint.Enabled };
}
