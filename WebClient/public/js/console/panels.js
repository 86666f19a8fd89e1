// The console's panels, in tab order. Each module js/console/panels/<name>.js exports default
// { id, titleKey, mount(element, context) } (see console.js for the context it gets).
export const panelNames = ['live', 'tts', 'record', 'library', 'relay', 'schedules', 'emergency'];
