import { storage } from '#imports';

// Where exports go, remembered between sessions. Secrets live in their own item in `storage.local`
// (never `sync`): nothing else reads them, and no export, message or log ever contains them.

export const exportSettingsItem = storage.defineItem<ExportSettings>('local:exportSettings', {
  version: 1,
  fallback: { webhookUrl: '', posthogHost: 'https://us.posthog.com', posthogProjectId: '' },
});

export const exportSecretsItem = storage.defineItem<ExportSecrets>('local:exportSecrets', {
  version: 1,
  fallback: {},
});

export interface ExportSettings {
  webhookUrl: string;
  posthogHost: string;
  posthogProjectId: string;
}

export interface ExportSecrets {
  webhookToken?: string;
  posthogApiKey?: string;
}
