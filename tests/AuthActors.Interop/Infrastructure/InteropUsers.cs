namespace AuthActors.Interop.Infrastructure;

/// <summary>The one account every generated password file holds. Test-only, never a real secret.</summary>
internal static class InteropUsers
{
    public const string UserName = "interop";

    public const string Password = "interop-pass-1";

    public const string WrongPassword = "not-the-password";
}
