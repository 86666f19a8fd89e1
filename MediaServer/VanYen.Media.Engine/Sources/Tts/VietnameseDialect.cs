namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>Regional number words: the North says "linh" and "nghìn", the South "lẻ" and "ngàn".</summary>
public enum VietnameseDialect
{
    /// <summary>"một trăm linh năm", "hai nghìn": the broadcast standard.</summary>
    Northern,

    /// <summary>"một trăm lẻ năm", "hai ngàn".</summary>
    Southern,
}
