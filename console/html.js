// One place that binds htm to preact, so every view writes `html\`<div>...</div>\``.
import { h, render, createContext } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
export { render, createContext };
export { useState, useEffect, useContext, useMemo, useRef, useCallback, useErrorBoundary } from 'preact/hooks';
