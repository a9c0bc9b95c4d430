// Never a blank page: a page that throws while rendering (or whose code cannot be downloaded
// because the network went away) is replaced by an error with a retry, and the rest of the app —
// header, menu, language switch — keeps working. Navigating elsewhere clears it.
import { Component, type ReactNode } from "react";
import { useLocation } from "react-router-dom";
import { NetworkError } from "../api/client";
import { ErrorState } from "./States";

type Props = { children: ReactNode; resetKey: string };
type State = { error: Error | null };

class Boundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A failed dynamic import is a network problem to the reader; a reload fetches it again.
    const shown = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message)
      ? new NetworkError(error.message)
      : error;
    return <ErrorState error={shown} onRetry={() => window.location.reload()} />;
  }
}

export function ErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <Boundary resetKey={location.pathname}>{children}</Boundary>;
}
