import { render } from 'preact';
import { Welcome } from '@/components/Welcome';

// Opened once, on first install (entrypoints/background.ts): what Goalpost does and how to start.
render(<Welcome />, document.getElementById('app')!);
