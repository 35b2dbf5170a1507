using Microsoft.Extensions.Options;
using Sharekeep.Core.Webhooks;

namespace Sharekeep.Server.Native.Webhooks;

internal static class WebhooksExtensions
{
    /// <summary>The webhook settings, the endpoints' service and the deliverer that empties the outbox.</summary>
    public static WebApplicationBuilder AddSharekeepWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidRetryDelays(), "Sharekeep:Webhooks:RetryDelaysSeconds must be 1 to 50 comma-separated numbers of seconds, each between 0.01 and 604800.")
            .Validate(o => o.ConnectTimeoutSeconds <= o.TimeoutSeconds, "Sharekeep:Webhooks:ConnectTimeoutSeconds must not be longer than TimeoutSeconds.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IWebhookSecretProtector, WebhookSecrets>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
            return new WebhookRules(options.AllowPrivateAddresses, options.MaxEndpoints);
        });
        builder.Services.AddScoped<WebhookService>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookDeliveryService>();
        return builder;
    }
}
