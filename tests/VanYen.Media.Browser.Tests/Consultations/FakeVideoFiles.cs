using System.Diagnostics;

namespace VanYen.Media.Browser.Tests.Consultations;

/// <summary>
/// Two fake cameras for <c>--use-file-for-fake-video-capture</c>: 6 s of 320×240 at 15 fps in Y4M (yuv420p), made
/// once per run by ffmpeg: the doctor's a moving test pattern (testsrc2), the patient's a different one (a zooming
/// Mandelbrot), so each side's decoded frames come from the other's file.
/// </summary>
internal sealed record FakeVideoFiles(string DoctorCamera, string PatientCamera)
{
    private static readonly Lazy<Task<FakeVideoFiles>> Shared = new(CreateAsync);

    public static Task<FakeVideoFiles> GetAsync() => Shared.Value;

    private static async Task<FakeVideoFiles> CreateAsync()
    {
        string directory = Directory.CreateTempSubdirectory("vanyen-video-").FullName;
        string doctor = Path.Combine(directory, "doctor.y4m");
        string patient = Path.Combine(directory, "patient.y4m");
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=15", "-t", "6", "-pix_fmt", "yuv420p", doctor);
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=15", "-t", "6", "-pix_fmt", "yuv420p", patient);
        return new FakeVideoFiles(doctor, patient);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
        }
    }
}
