namespace Sharekeep.Core.Webhooks;

/// <summary>The registered endpoints and what was attempted for them, shared by every instance.</summary>
public interface IWebhookStore
{
    /// <summary>
    /// Adds the endpoint unless <paramref name="maxEndpoints"/> are registered already (false then), counted and added
    /// in one write that concurrent registrations, on any instance, cannot interleave with.
    /// </summary>
    /// <param name="protectedSecret">The signing secret as <see cref="IWebhookSecretProtector"/> protected it; never the secret itself.</param>
    Task<bool> AddAsync(WebhookEndpoint endpoint, string protectedSecret, int maxEndpoints, CancellationToken cancellationToken);

    Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The endpoint as changed, or null when there is none with this id.</summary>
    Task<WebhookEndpoint?> UpdateAsync(Guid id, WebhookChange change, CancellationToken cancellationToken);

    /// <summary>Removes the endpoint with its waiting messages and recorded attempts; false when there was none.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One page of an endpoint's attempts, newest first; <paramref name="beforeId"/> continues a previous page.</summary>
    Task<IReadOnlyList<WebhookAttempt>> ListAttemptsAsync(Guid endpointId, long? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>Makes a message of the endpoint due again at <paramref name="now"/>, delivered or not; false when it has no such message.</summary>
    Task<bool> ReplayAsync(Guid endpointId, string messageId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Keeps signing secrets encrypted at rest: the database holds only what <see cref="Protect"/> gives.</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
