// Fills the status panel from /healthz; refreshes every 5 s.
async function refreshStatus() {
  const statusValue = document.getElementById('status-value');
  try {
    const response = await fetch('/healthz', { cache: 'no-store' });
    const report = await response.json();
    statusValue.textContent = report.status === 'Healthy' ? 'Hoạt động bình thường' : `Có vấn đề (${report.status})`;
    statusValue.className = report.status === 'Healthy' ? 'healthy' : 'unhealthy';
    document.getElementById('version-value').textContent = report.version;
    document.getElementById('opus-value').textContent = report.opusBackend === 'native' ? 'libopus (gốc)' : 'Concentus (C#)';
    document.getElementById('ports-value').textContent =
      report.mediaPorts.map(port => `${port.name}: ${port.port}`).join(', ');
  } catch {
    statusValue.textContent = 'Không kết nối được máy chủ';
    statusValue.className = 'unhealthy';
  }
}
refreshStatus();
setInterval(refreshStatus, 5000);
