namespace Sharekeep.Core.Sessions;

/// <summary>
/// Whether the credential a console session was opened with still holds: the API secret not rotated, the API key
/// neither revoked nor expired. Asked on every console request, so that ending a credential ends its sessions.
/// </summary>
public interface ISessionCredentials
{
    Task<bool> HoldAsync(string credentialStamp, CancellationToken cancellationToken);
}
