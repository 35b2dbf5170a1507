using System.Text.Json.Nodes;

namespace Sharekeep.Server.Tests.Contracts;

/// <summary>The validator itself, fed bodies written by hand from the platform's description (not from Sharekeep).</summary>
public sealed class PlatformContractTests
{
    private const string Json = "application/json; charset=utf-8";

    // A FileShareWrapper as the description has it: every required field of FileShareDto, a link in sharedLink.
    private static JsonObject LinkAnswer() => new()
    {
        ["response"] = new JsonObject
        {
            ["access"] = 2,
            ["sharedTo"] = null,
            ["sharedLink"] = new JsonObject
            {
                ["id"] = "9a2c1b3e-6d47-4f10-9b52-ac7d3e5f0812",
                ["title"] = "Shared document",
                ["shareLink"] = "https://portal.example.com/s/a1b2c3d4",
                ["expirationDate"] = "2018-01-01T00:00:00.0000000Z",
                ["denyDownload"] = false,
                ["isExpired"] = false,
                ["primary"] = true,
                ["internal"] = false,
                ["requestToken"] = "gg9J4mBW7pW9Wk0HqQoQ9L2mS1x6bK8vTnQ0aZ3",
            },
            ["isLocked"] = false,
            ["isOwner"] = false,
            ["canEditAccess"] = false,
            ["canEditInternal"] = true,
            ["canEditDenyDownload"] = false,
            ["canEditExpirationDate"] = true,
            ["canRevoke"] = true,
            ["subjectType"] = 4,
        },
        ["count"] = 1,
        ["links"] = new JsonArray(new JsonObject { ["href"] = "https://portal.example.com/api/2.0/files/file/10/links", ["action"] = "PUT" }),
        ["status"] = 0,
        ["statusCode"] = 200,
    };

    // An ExternalShareWrapper for a link that resolved.
    private static JsonObject ShareAnswer() => new()
    {
        ["response"] = new JsonObject
        {
            ["status"] = 0,
            ["id"] = "42",
            ["title"] = "Project documents",
            ["type"] = 2,
            ["tenantId"] = 1,
            ["entityId"] = null,
            ["shared"] = false,
            ["linkId"] = "b3a1f0c7-5d2e-4a19-9f38-71c6e0d4b852",
            ["isAuthenticated"] = false,
        },
        ["count"] = 1,
        ["status"] = 0,
        ["statusCode"] = 200,
    };

    private static IReadOnlyList<string> PutLink(JsonObject body) =>
        PlatformContract.Validate("PUT", "/api/2.0/files/file/10/links", 200, Json, body.ToJsonString());

    [Fact]
    public void Validate_BodyWithEveryRequiredField_HasNoViolations()
    {
        Assert.Empty(PutLink(LinkAnswer()));
        Assert.Empty(PlatformContract.Validate("GET", "/api/2.0/files/share/q7Ry8cQ1", 200, Json, ShareAnswer().ToJsonString()));
    }

    [Fact]
    public void Validate_RequiredFieldRemoved_NamesTheField()
    {
        var body = LinkAnswer();
        body["response"]!.AsObject().Remove("canEditInternal");

        Assert.Equal(["$.response.canEditInternal: required property missing"], PutLink(body));
    }

    [Fact]
    public void Validate_RequiredFieldRemovedFromAnotherSchema_NamesTheField()
    {
        var body = ShareAnswer();
        body["response"]!.AsObject().Remove("tenantId");

        Assert.Equal(
            ["$.response.tenantId: required property missing"],
            PlatformContract.Validate("POST", "/api/2.0/files/share/q7Ry8cQ1/password", 200, Json, body.ToJsonString()));
    }

    [Fact]
    public void Validate_IntegerFieldSentAsString_IsAViolation()
    {
        var body = ShareAnswer();
        body["response"]!["tenantId"] = "1";

        Assert.Equal(
            ["$.response.tenantId: integer expected"],
            PlatformContract.Validate("GET", "/api/2.0/files/share/q7Ry8cQ1", 200, Json, body.ToJsonString()));
    }

    [Fact]
    public void Validate_ValueOutsideAnEnum_IsAViolation()
    {
        var body = LinkAnswer();
        body["response"]!["access"] = 12;

        Assert.Equal(["$.response.access: value outside the enumeration"], PutLink(body));
    }

    [Fact]
    public void Validate_NullableFieldGivenNull_HasNoViolations()
    {
        var body = LinkAnswer();
        body["response"]!["sharedLink"]!["title"] = null;
        body["response"]!["sharedLink"]!["denyDownload"] = null;

        Assert.Empty(PutLink(body));
    }

    [Fact]
    public void Validate_NonNullableFieldGivenNull_IsAViolation()
    {
        var body = LinkAnswer();
        body["response"]!["sharedLink"]!["primary"] = null;

        Assert.Equal(["$.response.sharedLink.primary: boolean expected"], PutLink(body));
    }

    [Fact]
    public void Validate_UnknownExtraProperty_HasNoViolations()
    {
        var body = LinkAnswer();
        body["response"]!["somethingNew"] = "the platform allows extra members";

        Assert.Empty(PutLink(body));
    }

    [Fact]
    public void Validate_PathWithNoOperation_IsAViolation()
    {
        Assert.Equal(
            ["no operation in the pinned description for GET /api/2.0/files/rooms"],
            PlatformContract.Validate("GET", "/api/2.0/files/rooms", 200, Json, "{}"));
    }

    [Fact]
    public void Validate_MethodTheDescriptionDoesNotHoldForThePath_IsAViolation()
    {
        Assert.Equal(
            ["no operation in the pinned description for DELETE /api/2.0/files/file/10/links"],
            PlatformContract.Validate("DELETE", "/api/2.0/files/file/10/links?count=5", 200, Json, "{}"));
    }

    [Fact]
    public void Validate_LiteralSegment_WinsOverATemplateVariable()
    {
        // POST @my/upload and POST {folderId}/upload both fit; the literal one is chosen, so the answer is held to
        // its schema (an array wrapper) and an object response breaks it.
        var answer = new JsonObject { ["response"] = new JsonObject(), ["count"] = 1, ["status"] = 0, ["statusCode"] = 200 };

        Assert.Equal(
            ["$.response: array expected"],
            PlatformContract.Validate("POST", "/api/2.0/files/@my/upload", 200, Json, answer.ToJsonString()));
    }

    [Fact]
    public void Validate_AnswerThatIsNotJson_IsAViolation()
    {
        Assert.Equal(
            ["PUT /api/2.0/files/file/{id}/links 200: expected application/json, got text/html"],
            PlatformContract.Validate("PUT", "/api/2.0/files/file/10/links", 200, "text/html", "<html></html>"));
    }

    [Fact]
    public void ValidateRequest_ALinkRequestAsTheDescriptionHasIt_HasNoViolations()
    {
        Assert.Empty(PlatformContract.ValidateRequest(
            "PUT", "/api/2.0/files/file/10/links", """{"title": "x", "access": 2, "expirationDate": "2018-01-01 00:00:00+00:00", "primary": true}"""));
    }

    [Fact]
    public void ValidateRequest_AFieldOfTheWrongType_IsAViolation()
    {
        Assert.Equal(
            ["$.primary: boolean expected"],
            PlatformContract.ValidateRequest("PUT", "/api/2.0/files/file/10/links", """{"title": "x", "primary": "yes"}"""));
    }

    [Fact]
    public void ValidateRequest_ToAnOperationWithoutAJsonBody_IsAViolation()
    {
        Assert.Equal(
            ["GET /api/2.0/files/settings takes no JSON body in the pinned description"],
            PlatformContract.ValidateRequest("GET", "/api/2.0/files/settings", "{}"));
    }
}
