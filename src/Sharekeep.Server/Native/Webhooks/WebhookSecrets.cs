using Microsoft.AspNetCore.DataProtection;
using Sharekeep.Core.Webhooks;

namespace Sharekeep.Server.Native.Webhooks;

/// <summary>
/// Signing secrets encrypted with the Data Protection key ring, which is itself encrypted at rest with the
/// key-encryption key kept outside the database (decision 16): a copy of the database alone signs nothing.
/// </summary>
internal sealed class WebhookSecrets(IDataProtectionProvider protection) : IWebhookSecretProtector
{
    private readonly IDataProtector _protector = protection.CreateProtector("Sharekeep.WebhookSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
