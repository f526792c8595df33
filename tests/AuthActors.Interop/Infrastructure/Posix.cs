using System.Runtime.InteropServices;

namespace AuthActors.Interop.Infrastructure;

/// <summary>kill(2), so the tests need no kill(1) binary (minimal images lack procps).</summary>
internal static class Posix
{
    public const int SigHup = 1;
    public const int SigUsr1 = 10;
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when it failed (errno in <see cref="Marshal.GetLastPInvokeError"/>).</summary>
    public static bool TrySignal(int pid, int signal) => Kill(pid, signal) == 0;

    // DllImport, not LibraryImport: the generated stub would need unsafe code in this project for
    // one blittable call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
