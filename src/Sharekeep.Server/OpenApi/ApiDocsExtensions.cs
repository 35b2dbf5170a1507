using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.OpenApi;

internal static class ApiDocsExtensions
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Sharekeep",
                    Version = "v1",
                    Description = "Resources, share links and the sharing policy, with the reporting tool's sharing API.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiCredentialAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The API secret (Sharekeep:ApiSecret) or an API key (/api/v1/keys), as 'Authorization: Bearer <secret>'.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(ApiCredentialAuthenticationHandler.SchemeName, context.Document)] = [],
                    });
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>/openapi/v1.json and an interactive reference at /docs, both served from this origin and open to all.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Sharekeep API")).AllowAnonymous().WithHeaders(HeaderPolicy.ApiReference);
        return app;
    }
}
