import { render } from 'preact';
import { ReaderApp } from '../../components/reader/ReaderApp';

render(<ReaderApp />, document.getElementById('app')!);
