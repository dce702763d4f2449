import { Spinner } from '../../components/spinner';
import styles from './boot-screen.module.css';

/** While the first route's code loads. */
export function BootScreen() {
  return (
    <div className={styles.boot}>
      <Spinner label="Loading Kontena Dashboard…" />
    </div>
  );
}
