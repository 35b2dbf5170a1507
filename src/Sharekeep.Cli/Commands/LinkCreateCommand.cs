using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharekeep.Cli.Commands;

/// <summary>
/// sharekeep links create: a share of a report or dashboard (POST /api/v1/shares) or an external link to a file
/// (POST /api/v1/files/{id}/links), under the link policy. A link's password is read from standard input, never
/// taken as an argument, for the same reason as the API secret.
/// </summary>
internal static class LinkCreateCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var report = Values.Id("--report", "Share this report (its id).");
        var dashboard = Values.Id("--dashboard", "Share this dashboard (its id).");
        var file = Values.Id("--file", "Make an external link to this file (its id).");
        var expires = Values.Date("--expires", "When the link stops working (default: the link policy's default lifetime).");
        var title = new Option<string?>("--title") { Description = "A file link's title.", HelpName = "TEXT" };
        var denyDownload = Values.Boolean("--deny-download", "A file link that shows the file but offers no download (default: the link policy's).");
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read a file link's password from the first line of standard input." };
        var command = new Command("create", "Makes a share of a report or dashboard, or an external link to a file, and prints its URL.")
        {
            report, dashboard, file, expires, title, denyDownload, passwordStdin,
        };
        command.Validators.Add(result =>
        {
            var targets = new Option[] { report, dashboard, file }.Count(option => result.GetResult(option) is { Implicit: false });
            if (targets != 1)
            {
                result.AddError("Name exactly one of --report, --dashboard and --file.");
            }
            else if (result.GetResult(file) is null && new Option[] { title, denyDownload, passwordStdin }.Any(option => result.GetResult(option) is { Implicit: false }))
            {
                result.AddError("--title, --deny-download and --password-stdin are for file links (--file).");
            }
        });
        globals.SetAction(command, environment, async (run, cancellationToken) =>
        {
            JsonElement link;
            if (run.Parse.GetValue(file) is { } fileId)
            {
                var body = new JsonObject();
                body.AddIfValue("expires", run.Parse.GetValue(expires));
                body.AddIfValue("denyDownload", run.Parse.GetValue(denyDownload));
                if (run.Parse.GetValue(title) is { } name)
                {
                    body["title"] = name;
                }
                if (run.Parse.GetValue(passwordStdin))
                {
                    body["password"] = await ReadPasswordAsync(run.Environment, cancellationToken);
                }
                link = (await run.Api.SendAsync(HttpMethod.Post, $"api/v1/files/{fileId}/links", body, cancellationToken))!.Value;
            }
            else
            {
                var (type, id) = run.Parse.GetValue(report) is { } reportId ? ("report", reportId) : ("dashboard", run.Parse.GetValue(dashboard)!.Value);
                var body = new JsonObject { ["resourceType"] = type, ["resourceId"] = id.ToString() };
                body.AddIfValue("expires", run.Parse.GetValue(expires));
                link = (await run.Api.SendAsync(HttpMethod.Post, "api/v1/shares", body, cancellationToken))!.Value;
            }
            run.Printer.Write(link, () => Print(run, link));
        });
        return command;
    }

    private static async Task<string> ReadPasswordAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        var password = await environment.Input.ReadLineAsync(cancellationToken);
        return string.IsNullOrEmpty(password)
            ? throw CliFailure.Usage("--password-stdin: standard input has no password on its first line.")
            : password;
    }

    /// <summary>
    /// The URL to hand out first, then the rest. A share's answer names its API address; a person hands out its page,
    /// /share/{type}/{id}, under the server's address.
    /// </summary>
    private static void Print(CommandRun run, JsonElement link)
    {
        var url = LinksCommands.Text(link, "resourceType") is { } type
            ? new Uri(run.Api.Server, $"share/{type}/{LinksCommands.Text(link, "id")}").ToString()
            : LinksCommands.Text(link, "url");
        run.Printer.Line(url ?? "");
        var expires = link.TryGetProperty("expires", out var at) && at.ValueKind == JsonValueKind.String ? Output.Printer.Time(at) : "never";
        run.Printer.Pairs([["id", LinksCommands.Text(link, "id")], ["expires", expires]]);
    }
}
