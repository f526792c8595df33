using Microsoft.Extensions.Options;

namespace AuthActors.Http;

/// <summary>
/// Checks bound <see cref="AuthActorsOptions"/> when the host starts (<c>ValidateOnStart</c>):
/// a value configuration could not parse, or one out of range, fails the start with an
/// <see cref="OptionsValidationException"/> whose failures each name the key and the rule.
/// </summary>
internal sealed class AuthActorsOptionsValidator : IValidateOptions<AuthActorsOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthActorsOptions options)
    {
        List<string> failures = [.. options.BindErrors, .. AuthActorsConfigurationBinder.Problems(options)];
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
