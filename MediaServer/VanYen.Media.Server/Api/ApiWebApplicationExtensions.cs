namespace VanYen.Media.Server.Api;

/// <summary>Maps the REST API under <c>/api</c> and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ApiWebApplicationExtensions
{
    /// <summary>Call after <c>UseAuthentication</c>/<c>UseAuthorization</c>; pair with <see cref="ApiWebApplicationBuilderExtensions.AddApi"/>.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ApiExceptionMiddleware>();
        app.MapOpenApi();

        var api = app.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapAreaEndpoints();
        api.MapClusterEndpoints();
        api.MapBroadcastEndpoints();
        api.MapBroadcastScheduleEndpoints();
        api.MapRelayStationEndpoints();
        api.MapTestClockEndpoints();
        api.MapLiveRtpEndpoints();
        api.MapReceiverEndpoints();
        api.MapUserEndpoints();
        api.MapLibraryEndpoints();
        api.MapTtsEndpoints();
        api.MapTtsOptionsEndpoints();
        api.MapAuditEndpoints();
        return app;
    }
}
