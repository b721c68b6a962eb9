import { signInOverHttp } from '../e2e/http';

/** Signs in over HTTP as a browser does (Auth.js credentials); answers the session's cookie header. */
export async function signIn(baseURL: string, email: string, password: string): Promise<string> {
  return (await signInOverHttp(baseURL, email, password)).cookie;
}
