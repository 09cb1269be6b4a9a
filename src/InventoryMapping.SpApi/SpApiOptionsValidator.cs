using Microsoft.Extensions.Options;

namespace InventoryMapping.SpApi;

/// <summary>Fails the host's start with every problem of the <c>SpApi</c> section, named by setting.</summary>
internal sealed class SpApiOptionsValidator : IValidateOptions<SpApiOptions>
{
    public ValidateOptionsResult Validate(string? name, SpApiOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
