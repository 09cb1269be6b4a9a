namespace InventoryMapping.AmazonSandbox;

/// <summary>Error bodies in the shapes Amazon's services use.</summary>
internal static class SandboxResults
{
    /// <summary>The SP-API <c>ErrorList</c>.</summary>
    public static IResult Errors(int status, string code, string message, string details = "") =>
        TypedResults.Json(new { errors = new[] { new { code, message, details } } }, statusCode: status);

    /// <summary>Login with Amazon's OAuth error.</summary>
    public static IResult Lwa(int status, string error, string description) =>
        TypedResults.Json(new { error, error_description = description }, statusCode: status);

    /// <summary>S3's XML error, as a pre-signed URL answers.</summary>
    public static IResult S3(int status, string code, string message) =>
        TypedResults.Content($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>", "application/xml", statusCode: status);
}
