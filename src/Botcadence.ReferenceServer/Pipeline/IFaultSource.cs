namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>Chooses the fault (if any) for a request; implemented by the testing kit.</summary>
internal interface IFaultSource
{
    /// <summary>
    /// Returns the fault to apply to this request, or null to run it normally. Called once per request.
    /// <paramref name="arm"/> is called with the fault before the source records it as applied, so what it starts (a
    /// delay's timer on the server clock) is already running when a test sees the fault and moves its clock on.
    /// </summary>
    FaultAction? Next(string method, string path, Action<FaultAction> arm);
}
